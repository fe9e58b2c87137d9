/** Saving a text as a file: the browser's download, nothing leaves the computer. */

/**
 * Offers `text` as a download named `name`.
 *
 * @example download('einblick-pruefung.json', '{}\n', 'application/json')
 */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
