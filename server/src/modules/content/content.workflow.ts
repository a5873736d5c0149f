import { Workflow } from '../../lib/workflow';

/** Who edits content: the city admin and center staff. */
export const CONTENT_EDITORS = ['admin', 'center_staff'] as const;

export type Publication = 'draft' | 'published';
export const publicationOf = (published: boolean): Publication => (published ? 'published' : 'draft');

/** Articles and quiz questions: draft ⇄ published. */
export const articleWorkflow = new Workflow<Publication>('article', [
  { from: 'draft', to: 'published', action: 'publish', who: [...CONTENT_EDITORS] },
  { from: 'published', to: 'draft', action: 'unpublish', who: [...CONTENT_EDITORS] },
]);
export const questionWorkflow = new Workflow<Publication>('quiz-question', [
  { from: 'draft', to: 'published', action: 'publish', who: [...CONTENT_EDITORS] },
  { from: 'published', to: 'draft', action: 'unpublish', who: [...CONTENT_EDITORS] },
]);

/** A quiz attempt is answered once: started → submitted, by her. */
export const attemptWorkflow = new Workflow<'started' | 'submitted'>('quiz-attempt', [{ from: 'started', to: 'submitted', action: 'submit', who: ['owner'] }]);

export const ARTICLE_ENTITY = 'article';
export const QUESTION_ENTITY = 'quiz_question';
