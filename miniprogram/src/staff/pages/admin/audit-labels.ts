/** Plain names for the audit actions and record types the server writes; unknown codes show as they are. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'staff.login': '登录',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.deactivate': '停用账号',
  'staff.password.set': '设置密码',
  'center.update': '修改中心信息',
  'audit.read': '查看审计日志',
  'request.read': '查看求助',
  'request.timeline.read': '查看求助记录',
  'request.transfer': '转交求助',
  'booking.read': '查看预约',
  'protection_order.read': '查看保护令申请',
  'protection_order.petition.download': '下载申请书',
  'protection_order.evidence.download': '下载证据材料',
  'mediation.read': '查看调解案件',
  'mediation.list': '查看调解案件列表',
  'mediation.timeline.read': '查看调解记录',
  'mediation.sessions.read': '查看调解场次',
  'mediation.agreement.download': '下载调解协议',
  'class_enrolments.read': '查看报名名单',
  'stats.read': '查看统计',
  'privacy.export': '导出本人数据',
  'reminder.sent': '发送提醒',
};

export const AUDIT_ENTITY_TYPES: Record<string, string> = {
  staff: '工作人员账号',
  center: '服务中心',
  help_request: '求助',
  booking: '预约',
  protection_order: '保护令申请',
  mediation_case: '调解案件',
  class_session: '课程场次',
  class_enrolment: '课程报名',
  app_user: '用户账号',
  stats: '统计',
  audit_log: '审计日志',
};

export const actionLabel = (code: string) => AUDIT_ACTIONS[code] ?? code;
export const entityLabel = (code: string) => AUDIT_ENTITY_TYPES[code] ?? code;
