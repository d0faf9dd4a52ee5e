// Messages of the queue's named owners (issue #3): who holds a request, who took an order, claim/release.
export const zh = {
  'queueOwner.column': '负责人',
  'queueOwner.unclaimed': '未认领',
  'queueOwner.notReceived': '未接单',
  'queueOwner.mine': '我认领的',
  'queueOwner.holder': '认领人',
  'queueOwner.claim': '认领',
  'queueOwner.release': '释放',
  'queueOwner.heldBy': '{name} 已认领此申请，由其审核；如需接手请让其先释放。',
  'desk.action.claim': '认领',
  'desk.action.release': '释放',
} as const;
export const en: Record<keyof typeof zh, string> = {
  'queueOwner.column': 'Owner',
  'queueOwner.unclaimed': 'Unclaimed',
  'queueOwner.notReceived': 'Not taken',
  'queueOwner.mine': 'Mine',
  'queueOwner.holder': 'Held by',
  'queueOwner.claim': 'Claim',
  'queueOwner.release': 'Release',
  'queueOwner.heldBy': '{name} has claimed this request and decides it; ask them to release it to take over.',
  'desk.action.claim': 'Claimed',
  'desk.action.release': 'Released',
};
