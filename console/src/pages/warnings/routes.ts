import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { WarningFilled } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/warnings',
    name: 'warnings',
    component: () => import('./Warnings.vue'),
    meta: { title: '预警', operation: 'SummarizeWarnings', menu: { order: 16, icon: markRaw(WarningFilled) } },
  },
]

export default routes
