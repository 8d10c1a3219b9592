/**
 * One step down a trie of constant keys (statement texts, column names): the child under `key`,
 * made empty the first time. A walk costs a map lookup per key, whose hash V8 keeps on the string,
 * where joining the keys into one string cost a concatenation and a hash of it per call.
 */
export type TrieNode<K, V> = { value?: V; next?: Map<K, TrieNode<K, V>> };

export function trieChild<K, V>(node: TrieNode<K, V>, key: K): TrieNode<K, V> {
  node.next ??= new Map();
  let child = node.next.get(key);
  if (!child) node.next.set(key, (child = {}));
  return child;
}
