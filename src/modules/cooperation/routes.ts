// Routes of the cooperation module; filled in by the module's first commit.
import type { App } from '../../server/types.ts';

export async function cooperationRoutes(_app: App) {}
