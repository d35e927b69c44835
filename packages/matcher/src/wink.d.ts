// wink-porter2-stemmer ships no types.
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}
