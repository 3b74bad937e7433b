import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Document } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./AuditTrail.vue'),
    meta: { title: '审计', operation: 'GetAuditTrail', menu: { order: 80, icon: markRaw(Document) } },
  },
]

export default routes
