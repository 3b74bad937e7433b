import { reactive } from 'vue'

/** 大屏 mode: a page (the 驾驶舱) may hide the menu and header for a wall screen. */
export const layout = reactive({ wallScreen: false })
