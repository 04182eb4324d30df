import { Type } from 'typebox';
import { Timestamp } from '../../server/schemas/common.ts';

export const CheckpointReply = Type.Object({
  seq: Type.Integer({ description: "the chain's entry the checkpoint signs" }),
  hash: Type.String(),
  at: Timestamp,
  key: Type.String({ description: "fingerprint of the signing key's public half" }),
  sig: Type.String({ description: 'Ed25519 signature, base64' }),
});
