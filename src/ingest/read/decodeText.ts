/** Decodes a file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Returns a reason on failure. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: 'the file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { error: 'the file is binary, not text (it contains NUL bytes)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (!text.trim()) return { error: 'the file holds only whitespace' };
    return { text };
  } catch {
    return { error: 'the file is not valid UTF-8 text' };
  }
}
