import { FORBIDDEN_NOTIFICATION_WORDS, NotificationTemplates } from './notifications';

describe('notification wording', () => {
  it.each(Object.entries(NotificationTemplates))('%s says nothing about violence, law or the Federation', (_key, t) => {
    for (const word of FORBIDDEN_NOTIFICATION_WORDS) {
      expect(t.title).not.toContain(word);
      expect(t.body).not.toContain(word);
    }
  });
});
