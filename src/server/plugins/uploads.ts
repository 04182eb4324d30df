// Request bodies that are refused before they are read (401 at onRequest, an import's 404, 403 or
// 413) are not received either: the answer closes the connection, where Node would otherwise read
// and discard the rest of a body of up to a gigabyte. At start-up, the temporary upload folders a
// crashed process left behind are removed (imports/http.ts names them with their owner's pid).
import { removeStaleUploads } from '../../modules/imports/http.ts';
import type { App } from '../types.ts';

export async function registerUploads(app: App): Promise<void> {
  await removeStaleUploads();
  app.addHook('onSend', async (request, reply) => {
    const raw = request.raw;
    const hasBody = Number(raw.headers['content-length'] ?? 0) > 0 || raw.headers['transfer-encoding'] !== undefined;
    // `complete` is Node's own flag; requests made with app.inject() do not set it.
    if (hasBody && raw.complete === false && !raw.readableEnded) reply.header('connection', 'close');
  });
}
