import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Stamp } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/approvals',
    name: 'approvals',
    component: () => import('./OverdueItems.vue'),
    meta: { title: '审批', operation: 'ListOverdueApprovalItems', menu: { order: 60, icon: markRaw(Stamp) } },
  },
  {
    path: '/approvals/:projectId/:code',
    name: 'approval-item',
    component: () => import('./ApprovalItemPage.vue'),
    props: true,
    meta: { title: '审批事项', operation: 'GetApprovalCase' },
  },
]

export default routes
