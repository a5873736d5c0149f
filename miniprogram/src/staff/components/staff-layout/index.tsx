import Taro, { getCurrentInstance } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StaffRole } from '@zjh/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { currentStaff } from '../../services/staff-session';
import './index.scss';

const DESK = ['admin', 'center_staff'] as const;
const PROVIDERS = ['admin', 'center_staff', 'counselor', 'lawyer', 'educator'] as const;

/** Back-office sections, each shown only to the roles the server lets in. */
export const STAFF_NAV: Array<{ key: string; title: string; path: string; roles?: readonly StaffRole[] }> = [
  { key: 'inbox', title: '求助', path: '/staff/pages/inbox/index' },
  { key: 'register', title: '登记求助', path: '/staff/pages/requests/register', roles: DESK },
  { key: 'bookings', title: '预约日历', path: '/staff/pages/bookings/index', roles: PROVIDERS },
  { key: 'providers', title: '值班设置', path: '/staff/pages/providers/index', roles: PROVIDERS },
  { key: 'protection-orders', title: '保护令', path: '/staff/pages/protection-orders/index', roles: DESK },
  { key: 'mediation', title: '调解案件', path: '/staff/pages/mediation/index' },
  { key: 'classes', title: '课程管理', path: '/staff/pages/classes/index', roles: ['admin', 'center_staff', 'educator'] },
  { key: 'articles', title: '文章管理', path: '/staff/pages/articles/index', roles: DESK },
  { key: 'quiz', title: '题库管理', path: '/staff/pages/quiz/index', roles: DESK },
  { key: 'stats', title: '统计', path: '/staff/pages/stats/index', roles: DESK },
  { key: 'admin-staff', title: '账号管理', path: '/staff/pages/admin/staff', roles: ['admin'] },
  { key: 'admin-centers', title: '中心管理', path: '/staff/pages/admin/centers', roles: ['admin'] },
  { key: 'admin-audit', title: '审计日志', path: '/staff/pages/admin/audit', roles: ['admin', 'center_staff'] },
];

function currentPath(): string {
  const path = getCurrentInstance().router?.path ?? '';
  return `/${path.split('?')[0].replace(/^\/+/, '')}`;
}

/** The section menu; `active` is a STAFF_NAV key (pages below a section name their section). */
function StaffNav({ active }: { active?: string }) {
  const here = currentPath();
  const [role, setRole] = useState<StaffRole | null>(null);
  useEffect(() => {
    let live = true;
    currentStaff().then((me) => live && setRole(me.role), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <View className='staff-nav'>
      {STAFF_NAV.filter((item) => !item.roles || (role !== null && item.roles.includes(role))).map((item) => {
        const on = active ? active === item.key : here === item.path;
        return (
          <Text
            key={item.key}
            className={`staff-nav__item ${on ? 'staff-nav__item--on' : ''}`}
            onClick={() => {
              if (here !== item.path) Promise.resolve(Taro.redirectTo({ url: item.path })).catch(() => undefined);
            }}
          >
            {item.title}
          </Text>
        );
      })}
    </View>
  );
}

interface StaffLayoutProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  /** A single small form (sign-in) reads better in a narrow column. */
  narrow?: boolean;
  /** Lists and case files use the width of a desktop screen. */
  wide?: boolean;
  /** The STAFF_NAV section this page belongs to (defaults to the entry whose path is this page). */
  nav?: string;
}

/** Back-office frame: a centred column that reads well on a phone and on a desktop browser. */
export function StaffLayout({ title, actions, children, narrow = false, wide = false, nav }: StaffLayoutProps) {
  return (
    <View className='staff-layout'>
      <View className={`staff-layout__container ${narrow ? 'staff-layout__container--narrow' : ''} ${wide ? 'staff-layout__container--wide' : ''}`}>
        <View className='staff-layout__header'>
          <View className='staff-layout__brand'>
            <Text className='staff-layout__app'>湛家和 · 工作台</Text>
            <Text className='staff-layout__title'>{title}</Text>
          </View>
          {actions ? <View className='staff-layout__actions'>{actions}</View> : null}
        </View>
        {narrow ? null : <StaffNav active={nav} />}
        <View className='staff-layout__body'>{children}</View>
      </View>
    </View>
  );
}
