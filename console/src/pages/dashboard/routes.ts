import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { DataBoard } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'dashboard',
    component: () => import('./Dashboard.vue'),
    meta: { title: '驾驶舱', menu: { order: 10, icon: markRaw(DataBoard) } },
  },
]

export default routes
