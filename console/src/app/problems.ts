import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { useDraft } from './drafts'

/** RFC 9457 problem details as the services answer errors. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: Record<string, string[]>
}

/** A call that failed; the user has already been told. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
  }
}

/** What openapi-fetch resolves to. */
export interface ApiResult<T> {
  data?: T
  error?: unknown
  response: Response
}

export type FieldErrors = Record<string, string>

// ProblemDetails name fields as the JSON body does, sometimes PascalCase (model binding): the form uses camelCase.
const fieldName = (key: string) => key.split('.').map((part) => part.charAt(0).toLowerCase() + part.slice(1)).join('.')

function tell(status: number, problem: Problem, fields?: FieldErrors): void {
  if (problem.errors && fields) {
    for (const [key, messages] of Object.entries(problem.errors))
      fields[fieldName(key)] = messages.join('；')
    ElMessage.error(problem.title && problem.title !== 'One or more validation errors occurred.' ? problem.title : '请检查标红的字段')
  } else if (status === 409) {
    ElMessage.warning({ message: `操作未执行：${problem.detail ?? problem.title ?? '状态已变化'}`, duration: 6000 })
  } else if (status === 403) {
    ElMessage.error('当前角色无权执行此操作')
  } else if (status >= 500) {
    ElMessage.error(`服务暂时不可用（${status}），请稍后重试`)
  } else {
    ElMessage.error(problem.detail ?? problem.title ?? `请求失败（${status}）`)
  }
}

/**
 * Unwraps a generated client's call: the data, or — after telling the user (field messages into `fields`, 409 with
 * the current state from the problem's detail, network and 5xx as a message) — an ApiError.
 * A 401 never gets here: the client's middleware has already sent the user to sign in.
 */
export async function call<T>(request: Promise<ApiResult<T>>, fields?: FieldErrors): Promise<T> {
  let result: ApiResult<T>
  try {
    result = await request
  } catch (error) {
    ElMessage.error('网络异常，无法连接服务')
    throw new ApiError(0, { title: String(error) })
  }
  if (result.response.ok)
    return result.data as T
  const problem = (typeof result.error === 'object' && result.error !== null ? result.error : { detail: String(result.error ?? '') }) as Problem
  tell(result.response.status, problem, fields)
  throw new ApiError(result.response.status, problem)
}

/**
 * Every form's submit: field errors from ProblemDetails, other errors as messages, and the form's model kept as a
 * draft across an expired session. `key` names the form uniquely (e.g. 'intents.create').
 */
export function useProblemForm(key: string, model: object) {
  useDraft(key, model)
  const fieldErrors = reactive<FieldErrors>({})
  const submitting = ref(false)

  async function submit<T>(send: () => Promise<ApiResult<T>>): Promise<T | undefined> {
    for (const field of Object.keys(fieldErrors))
      delete fieldErrors[field]
    submitting.value = true
    try {
      return await call(send(), fieldErrors)
    } catch (error) {
      if (error instanceof ApiError)
        return undefined
      throw error
    } finally {
      submitting.value = false
    }
  }

  return { fieldErrors, submitting, submit }
}
