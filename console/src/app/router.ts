import type { Component } from 'vue'
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { OperationId } from '@/api/generated/permissions'
import AppLayout from './AppLayout.vue'
import { can } from './permissions'
import { currentUser } from './session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the menu and the browser tab. */
    title?: string
    /** The operation the page needs: the route (and its menu entry) exists only for roles that may call it. */
    operation?: OperationId
    /** A side-menu entry, ordered by `order` (see README). */
    menu?: { order: number; icon?: Component }
    /** Reachable without signing in. */
    public?: boolean
  }
}

// Each page folder brings its own routes.ts, so adding a page touches no shared file.
const pages = Object.values(
  import.meta.glob<{ default: RouteRecordRaw[] }>('../pages/*/routes.ts', { eager: true }),
).flatMap((module) => module.default)

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/signin-callback', component: () => import('./SigninCallback.vue'), meta: { public: true, title: '登录中' } },
    { path: '/welcome', name: 'welcome', component: () => import('./Landing.vue'), meta: { public: true, title: '登录' } },
    {
      path: '/',
      component: AppLayout,
      children: [
        ...pages,
        { path: '/forbidden', name: 'forbidden', component: () => import('./Forbidden.vue'), meta: { title: '无权访问' } },
        { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFound.vue'), meta: { title: '页面不存在' } },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public)
    return true
  if (!(await currentUser()))
    return { name: 'welcome', query: { returnTo: to.fullPath } }
  if (to.meta.operation && !can(to.meta.operation))
    return { name: 'forbidden' }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 招商引资管理平台` : '招商引资管理平台'
})

/** The side menu for the signed-in role: only entries whose operation the role may call. */
export function menuEntries() {
  return router.getRoutes()
    .filter((route) => route.meta.menu && (!route.meta.operation || can(route.meta.operation)))
    .sort((a, b) => a.meta.menu!.order - b.meta.menu!.order)
}
