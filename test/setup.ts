// Runs in every test file before its tests: passwords are hashed at the test cost (see
// `passwordHashCost` in src/config.ts). The global setup sets CORDON_PASSWORD_HASH_COST=test for
// the `cordon` processes the tests start, which inherit it with Vitest's VITEST.
import { setPasswordHashCost } from '../src/modules/auth/passwords.ts';

setPasswordHashCost('test');
