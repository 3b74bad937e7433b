import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { TrendCharts } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/statistics',
    name: 'statistics',
    component: () => import('./Statistics.vue'),
    meta: { title: '统计分析', operation: 'GetStatistics', menu: { order: 15, icon: markRaw(TrendCharts) } },
  },
]

export default routes
