// Routes of the campaigns module; filled in by the module's first commit.
import type { App } from '../../server/types.ts';

export async function campaignRoutes(_app: App) {}
