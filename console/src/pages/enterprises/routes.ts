import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { OfficeBuilding } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/enterprises',
    name: 'enterprises',
    component: () => import('./Enterprises.vue'),
    meta: { title: '目标企业', operation: 'ListEnterprises', menu: { order: 20, icon: markRaw(OfficeBuilding) } },
  },
  {
    path: '/enterprises/chains/:chain?',
    name: 'industry-chains',
    component: () => import('./IndustryChains.vue'),
    props: true,
    meta: { title: '产业链图谱', operation: 'GetIndustryChain' },
  },
  {
    path: '/enterprises/:id',
    name: 'enterprise',
    component: () => import('./EnterpriseDetail.vue'),
    props: true,
    meta: { title: '目标企业', operation: 'GetEnterprise' },
  },
]

export default routes
