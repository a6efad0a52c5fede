/** Vite's `?raw` imports (electron-vite and Vitest both resolve them): the file's text. */
declare module '*.html?raw' {
  const text: string;
  export default text;
}
