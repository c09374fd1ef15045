// The emoji table made by vite.config.ts: [character, ...short names] rows.
declare module 'virtual:emoji-table' {
  const rows: string[][];
  export default rows;
}
