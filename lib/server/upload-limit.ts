/** Largest accepted upload in bytes (`MAX_UPLOAD_MB`, default 100 MB). */
export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.MAX_UPLOAD_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024;
}

export function tooLargeMessage(limit: number): string {
  return `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB upload limit. Split it, or raise MAX_UPLOAD_MB on the server.`;
}
