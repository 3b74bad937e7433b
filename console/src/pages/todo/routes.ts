import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { List } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/my-nodes',
    name: 'my-nodes',
    component: () => import('./MyNodes.vue'),
    meta: { title: '我的待办', operation: 'ListMyNodes', menu: { order: 12, icon: markRaw(List) } },
  },
]

export default routes
