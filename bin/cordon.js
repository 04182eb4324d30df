#!/usr/bin/env node
// The `cordon` command. Cordon is written in TypeScript and runs through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
