import { shallowRef } from 'vue'
import { hasDraft } from './drafts'
import { useProblemForm, type ApiResult } from './problems'

/** A versioned edit's 409: the record as it is now when the version was stale (the services' StaleVersion problem). */
interface Refusal<T> {
  current?: T
  detail?: string
}

/**
 * A form correcting a versioned record (the model carries the `version` it was read at, so a draft restored after an
 * expired session still edits that version). Besides useProblemForm's field errors: `stale` holds the record as the
 * service has it now when the version was stale, shown beside what was typed until the user takes it over;
 * `closed` is set when the record may no longer be corrected at all (a 409 without the record: its state moved on).
 */
export function useVersionedForm<T>(key: string, model: { version: number | string }) {
  // Read before mounting: useDraft takes the draft when the form mounts.
  const restoring = hasDraft(key)
  const form = useProblemForm(key, model)
  const stale = shallowRef<T>()
  const closed = shallowRef(false)

  async function save(send: () => Promise<ApiResult<T>>): Promise<T | undefined> {
    stale.value = undefined
    closed.value = false
    let answer: ApiResult<T> | undefined
    const saved = await form.submit(async () => (answer = await send()))
    if (saved === undefined && answer?.response.status === 409) {
      const refusal = (answer.error ?? {}) as Refusal<T>
      if (refusal.current)
        stale.value = refusal.current
      else
        closed.value = true
    }
    return saved
  }

  /** Continues on the record as it is now: its version, what the user typed kept. */
  function adopt(current: T & { version: number | string }) {
    model.version = current.version
    stale.value = undefined
  }

  return { ...form, restoring, stale, closed, save, adopt }
}
