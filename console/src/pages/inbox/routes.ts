import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Bell } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('./Inbox.vue'),
    meta: { title: '消息', operation: 'ListInbox', menu: { order: 14, icon: markRaw(Bell) } },
  },
]

export default routes
