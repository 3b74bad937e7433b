import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Promotion } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./Notifications.vue'),
    meta: { title: '通知渠道', operation: 'ListNotificationDeliveries', menu: { order: 85, icon: markRaw(Promotion) } },
  },
]

export default routes
