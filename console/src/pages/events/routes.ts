import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Flag } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/events',
    name: 'events',
    component: () => import('./Events.vue'),
    meta: { title: '招商活动', operation: 'ListEvents', menu: { order: 30, icon: markRaw(Flag) } },
  },
]

export default routes
