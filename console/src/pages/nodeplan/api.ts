import { projectApi } from '@/api/clients'
import type { components } from '@/api/generated/project'
import { call } from '@/app/problems'

export type NodePlan = components['schemas']['NodePlanView']
export type PlanNode = components['schemas']['NodeView']
export type HistoryEntry = components['schemas']['NodeHistoryEntry']

/** The raw answer: a project signed before plans existed, or someone else's, is told apart by the tab itself. */
export const fetchNodePlan = (id: string, asOf?: string) =>
  projectApi.GET('/api/projects/{id}/nodes', { params: { path: { id }, query: { asOf } } })

export const loadNodeHistory = (id: string) =>
  call(projectApi.GET('/api/projects/{id}/nodes/history', { params: { path: { id } } }))

export const assignResponsibility = (id: string, body: components['schemas']['ResponsibilityRequest']) =>
  projectApi.PUT('/api/projects/{id}/nodes/responsibility', { params: { path: { id } }, body })

export const assignOwner = (id: string, nodeId: string, body: components['schemas']['OwnerRequest']) =>
  projectApi.PUT('/api/projects/{id}/nodes/{nodeId}/owner', { params: { path: { id, nodeId } }, body })

export const completeNode = (id: string, nodeId: string, body: components['schemas']['CompletionRequest']) =>
  projectApi.POST('/api/projects/{id}/nodes/{nodeId}/completion', { params: { path: { id, nodeId } }, body })

export const replanNode = (id: string, nodeId: string, body: components['schemas']['ReplanRequest']) =>
  projectApi.POST('/api/projects/{id}/nodes/{nodeId}/replan', { params: { path: { id, nodeId } }, body })
