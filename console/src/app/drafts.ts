import { onMounted, onUnmounted, toRaw } from 'vue'

/**
 * Open forms' drafts. When the session expires the typed text is saved in sessionStorage (same tab, survives the
 * round trip to the provider) and put back into the same form once the user is signed in again.
 */
const storageKey = 'zhaoshang.drafts'
const openForms = new Map<string, object>()

export function saveDrafts(): void {
  const drafts: Record<string, unknown> = {}
  for (const [key, model] of openForms)
    drafts[key] = toRaw(model)
  if (openForms.size > 0)
    sessionStorage.setItem(storageKey, JSON.stringify(drafts))
}

function takeDraft(key: string): unknown {
  const drafts = JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>
  const draft = drafts[key]
  delete drafts[key]
  if (Object.keys(drafts).length === 0)
    sessionStorage.removeItem(storageKey)
  else
    sessionStorage.setItem(storageKey, JSON.stringify(drafts))
  return draft
}

/** Keeps the reactive model of an open form (key: unique per form, e.g. 'intents.create'), restoring its saved draft. */
export function useDraft(key: string, model: object): void {
  onMounted(() => {
    openForms.set(key, model)
    const draft = takeDraft(key)
    if (draft && typeof draft === 'object')
      Object.assign(model, draft)
  })
  onUnmounted(() => openForms.delete(key))
}

/** Whether a draft of this form waits to be restored (e.g. to open the dialog that holds the form). */
export function hasDraft(key: string): boolean {
  const drafts = JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>
  return key in drafts
}
