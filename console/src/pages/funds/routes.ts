import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Money } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/funds',
    name: 'funds',
    component: () => import('./FundsHome.vue'),
    meta: { title: '资金', operation: 'ListFundsReports', menu: { order: 70, icon: markRaw(Money) } },
  },
  {
    // Other pages link a project's funds here: /funds/projects/<project id>.
    path: '/funds/projects/:projectId',
    name: 'project-funds',
    component: () => import('./ProjectFunds.vue'),
    props: true,
    meta: { title: '项目资金', operation: 'ListFundsReports' },
  },
]

export default routes
