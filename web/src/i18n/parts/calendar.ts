// Messages of the business calendar (R34, issue #12): the admins' overrides and the queue's deadline tags.
export const zh = {
  'nav.calendar': '营业日历',
  'calendar.title': '营业日历调整',
  'calendar.year': '年份',
  'calendar.add': '调整某一天',
  'calendar.day': '日期',
  'calendar.weekday': '星期',
  'calendar.kind': '类型',
  'calendar.kind.workday': '工作日（调休上班）',
  'calendar.kind.holiday': '休息日（放假）',
  'calendar.note': '说明',
  'calendar.noteHint': '为什么调整，如“国务院 2027 年春节安排”',
  'calendar.updatedBy': '修改人',
  'calendar.updatedAt': '修改时间',
  'calendar.remove': '撤销',
  'calendar.removeConfirm': '撤销 {day} 的调整？这一天将按法定日历计算。',
  'calendar.empty': '本年没有调整，审核期限按法定节假日（chinese-days）计算',
  'calendar.hint':
    '审核期限（R34，提交后 3 个工作日）先看这里的调整，再看法定节假日安排。调整只影响之后提交的申请，已有期限不变。',
  'calendar.uncovered':
    '{year} 年的法定节假日安排尚未收录：未在此调整的日子按周一至周五估算，涉及这些日子的期限标为“暂定”。',
  'queue.provisional': '暂定',
  'queue.provisionalHint': '期限落在尚未收录节假日安排的年份，按周一至周五估算',
  'queue.overdueOnly': '已超时',
} as const;
export const en: Record<keyof typeof zh, string> = {
  'nav.calendar': 'Business calendar',
  'calendar.title': 'Business calendar overrides',
  'calendar.year': 'Year',
  'calendar.add': 'Override a day',
  'calendar.day': 'Date',
  'calendar.weekday': 'Weekday',
  'calendar.kind': 'Kind',
  'calendar.kind.workday': 'Workday (make-up day)',
  'calendar.kind.holiday': 'Holiday (day off)',
  'calendar.note': 'Note',
  'calendar.noteHint': 'Why, e.g. "State Council 2027 Spring Festival arrangement"',
  'calendar.updatedBy': 'Changed by',
  'calendar.updatedAt': 'Changed at',
  'calendar.remove': 'Remove',
  'calendar.removeConfirm': 'Remove the override of {day}? The day follows the official calendar again.',
  'calendar.empty': 'No overrides this year: review deadlines follow the official holidays (chinese-days)',
  'calendar.hint':
    'Review deadlines (R34, 3 business days after submission) read these overrides first, then the official holiday arrangement. An override applies to requests submitted after it; existing deadlines stay.',
  'calendar.uncovered':
    "{year}'s official holiday arrangement is not in the calendar yet: days not overridden here are estimated Monday to Friday, and deadlines counting them are marked provisional.",
  'queue.provisional': 'Provisional',
  'queue.provisionalHint':
    'The deadline falls in a year whose holidays are not known yet; estimated Monday to Friday',
  'queue.overdueOnly': 'Overdue',
};
