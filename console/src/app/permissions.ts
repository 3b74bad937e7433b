import { operationRoles, type OperationId } from '@/api/generated/permissions'
import { session } from './session'

export type { OperationId }

/** Whether the signed-in user's role may call the operation (x-roles of the services' OpenAPI documents). */
export function can(operation: OperationId): boolean {
  const role = session.staff?.role
  return role !== undefined && (operationRoles[operation] as readonly string[]).includes(role)
}
