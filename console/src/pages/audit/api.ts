import type { components } from '@/api/generated/funding'
import { approvalApi, fundingApi, identityApi, leadApi, projectApi } from '@/api/clients'
import { exact } from '../funds/exact'
import type { Service } from './labels'

export type AuditEntry = components['schemas']['AuditEntry']

/**
 * A record's audit trail from the service that keeps it: the gateway reaches the shared /api/audit as
 * /api/<service>/audit; the provider's own trail is at its own address.
 */
export async function auditTrail(service: Service, recordId: string) {
  const init = { ...exact, params: { query: { recordId } } }
  switch (service) {
    case 'lead': return leadApi.GET('/api/lead/audit', init)
    case 'project': return projectApi.GET('/api/project/audit', init)
    case 'approval': return approvalApi.GET('/api/approval/audit', init)
    case 'funding': return fundingApi.GET('/api/funding/audit', init)
    case 'identity': return (await identityApi()).GET('/api/audit', init)
  }
}
