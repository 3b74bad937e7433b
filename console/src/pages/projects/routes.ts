import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { OfficeBuilding } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/projects',
    name: 'projects',
    component: () => import('./ProjectList.vue'),
    meta: { title: '项目', operation: 'ListProjects', menu: { order: 50, icon: markRaw(OfficeBuilding) } },
  },
  {
    path: '/projects/:id',
    name: 'project',
    component: () => import('./ProjectDetail.vue'),
    props: true,
    meta: { title: '项目详情', operation: 'GetProject' },
  },
]

export default routes
