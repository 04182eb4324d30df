// Crypto wallet addresses, per chain: Bitcoin (Base58Check and bech32/bech32m segwit), Ethereum and
// other EVM chains (EIP-55 checksum), TRON (Base58Check, 0x41 prefix). Bad checksums are never "fixed".

import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bech32, bech32m, createBase58check, utf8 } from '@scure/base';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';

const base58check = createBase58check(sha256);

/** EVM chains share one address format; the chain named by the officer is kept in details. */
export const EVM_CHAINS = [
  'ethereum',
  'bsc',
  'polygon',
  'arbitrum',
  'optimism',
  'base',
  'avalanche',
  'fantom',
  'gnosis',
  'linea',
  'zksync',
] as const;

const CHAIN_ALIASES: Record<string, string> = {
  btc: 'bitcoin',
  eth: 'ethereum',
  evm: 'ethereum',
  erc20: 'ethereum',
  trx: 'tron',
  trc20: 'tron',
  bnb: 'bsc',
  'bnb smart chain': 'bsc',
  'binance smart chain': 'bsc',
  bep20: 'bsc',
  matic: 'polygon',
  avax: 'avalanche',
};

type Check = { value: string; problem?: string; details: Record<string, string> };

/**
 * Normalises a wallet address and verifies its checksum. The chain comes from `chain` when given
 * (bitcoin, tron, ethereum or another EVM chain, or a ticker such as BTC, TRX, BEP20), otherwise from
 * the address's shape. EVM values are lower-case hex; Bitcoin bech32 values are lower-case; Base58
 * values keep their case, which is significant.
 *
 * @example
 * normaliseCryptoWallet('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed').details // { chain: 'ethereum' }
 * normaliseCryptoWallet('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4').value // 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'
 */
export function normaliseCryptoWallet(raw: string, chain?: string): Identifier {
  const address = cleanAddress(raw);
  const named = chain ? canonicalChain(chain) : undefined;
  const family = named ? familyOf(named) : guessFamily(address);
  if (family === undefined) {
    const problem = named
      ? `addresses on chain '${named}' are not checked yet`
      : 'not a Bitcoin, EVM (0x…) or TRON address';
    return invalidIdentifier('crypto_wallet', raw, address, problem, named ? { chain: named } : {});
  }
  const check =
    family === 'evm' ? checkEvm(address) : family === 'tron' ? checkTron(address) : checkBitcoin(address);
  const details = { chain: family === 'evm' ? (named ?? 'ethereum') : family, ...check.details };
  return check.problem
    ? invalidIdentifier('crypto_wallet', raw, check.value, check.problem, details)
    : validIdentifier('crypto_wallet', raw, check.value, details);
}

/**
 * The EIP-55 mixed-case form of a 20-byte hex address (with or without 0x, any case).
 *
 * @example
 * toChecksumAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed') // '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
 */
export function toChecksumAddress(address: string): string {
  const hex = address.replace(/^0x/i, '').toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(hex))
    throw new Error(`'${address}' is not 40 hexadecimal digits; pass an EVM address.`);
  const hash = keccak_256(utf8.decode(hex));
  const chars = [...hex].map((char, i) => {
    const nibble = i % 2 === 0 ? hash[i >> 1]! >> 4 : hash[i >> 1]! & 0x0f;
    return nibble >= 8 ? char.toUpperCase() : char;
  });
  return `0x${chars.join('')}`;
}

// Addresses are copied with line breaks, inside payment URIs (bitcoin:…?amount=, ethereum:…@1) or
// in full-width characters from East Asian keyboards.
function cleanAddress(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/^(bitcoin|ethereum|tron):/i, '')
    .replace(/[?@].*$/, '');
}

function canonicalChain(chain: string): string {
  const name = chain.trim().toLowerCase();
  return CHAIN_ALIASES[name] ?? name;
}

function familyOf(chain: string): 'bitcoin' | 'evm' | 'tron' | undefined {
  if (chain === 'bitcoin' || chain === 'tron') return chain;
  return (EVM_CHAINS as readonly string[]).includes(chain) ? 'evm' : undefined;
}

function guessFamily(address: string): 'bitcoin' | 'evm' | 'tron' | undefined {
  if (/^0x/i.test(address)) return 'evm';
  if (/^(bc|tb|bcrt)1/i.test(address)) return 'bitcoin';
  // Shapes are judged on letters and digits, so a mistyped 0, O, I or l is reported as such.
  if (/^T[A-Za-z0-9]{33}$/.test(address)) return 'tron';
  if (/^[123mn][A-Za-z0-9]{24,34}$/.test(address)) return 'bitcoin';
  return undefined;
}

function checkEvm(address: string): Check {
  const hex = address.replace(/^0x/i, '');
  const value = `0x${hex.toLowerCase()}`;
  if (!/^0x/i.test(address) || !/^[0-9a-fA-F]{40}$/.test(hex)) {
    return { value, problem: 'not 0x followed by 40 hexadecimal digits', details: {} };
  }
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixedCase && toChecksumAddress(hex) !== `0x${hex}`) {
    return { value, problem: 'EIP-55 checksum does not match', details: {} };
  }
  return { value, details: mixedCase ? { checksum: 'eip55' } : {} };
}

function checkTron(address: string): Check {
  const bytes = decodeBase58check(address);
  if (typeof bytes === 'string') return { value: address, problem: bytes, details: {} };
  if (bytes.length !== 21 || bytes[0] !== 0x41) {
    return { value: address, problem: 'not a TRON address (21 bytes starting 0x41)', details: {} };
  }
  return { value: address, details: {} };
}

// Base58Check version bytes of Bitcoin addresses.
const BASE58_VERSIONS = new Map<number, { network: string; type: string }>([
  [0x00, { network: 'mainnet', type: 'p2pkh' }],
  [0x05, { network: 'mainnet', type: 'p2sh' }],
  [0x6f, { network: 'testnet', type: 'p2pkh' }],
  [0xc4, { network: 'testnet', type: 'p2sh' }],
]);

function checkBitcoin(address: string): Check {
  if (/^(bc|tb|bcrt)1/i.test(address)) return checkSegwit(address);
  const bytes = decodeBase58check(address);
  if (typeof bytes === 'string') return { value: address, problem: bytes, details: {} };
  const version = bytes.length === 21 ? BASE58_VERSIONS.get(bytes[0]!) : undefined;
  if (!version)
    return { value: address, problem: 'not a Bitcoin address (unknown version byte or length)', details: {} };
  return { value: address, details: { ...version } };
}

// BIP-173 (segwit v0, bech32) and BIP-350 (v1+ such as taproot, bech32m).
function checkSegwit(address: string): Check {
  const value = address.toLowerCase();
  if (address !== value && address !== address.toUpperCase()) {
    return { value, problem: 'bech32 address mixes upper and lower case', details: {} };
  }
  if (!/^[a-z]+1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/.test(value)) {
    return { value, problem: 'contains characters not used in bech32 (1, b, i, o or others)', details: {} };
  }
  const decoded = bech32.decodeUnsafe(value) ?? bech32m.decodeUnsafe(value);
  if (!decoded) return { value, problem: 'bech32 checksum does not match', details: {} };
  const [version, ...words] = decoded.words;
  const program = bech32.fromWordsUnsafe(words) ?? undefined;
  const usedBech32m = bech32.decodeUnsafe(value) === undefined;
  const network = decoded.prefix === 'bc' ? 'mainnet' : decoded.prefix === 'tb' ? 'testnet' : 'regtest';
  const problem = segwitProblem(version, program, usedBech32m);
  return {
    value,
    problem,
    details: problem ? { network } : { network, type: segwitType(version!, program!) },
  };
}

function segwitType(version: number, program: Uint8Array): string {
  if (version === 0) return program.length === 20 ? 'p2wpkh' : 'p2wsh';
  return version === 1 && program.length === 32 ? 'p2tr' : `witness_v${version}`;
}

function segwitProblem(
  version: number | undefined,
  program: Uint8Array | undefined,
  usedBech32m: boolean,
): string | undefined {
  if (version === undefined || version > 16) return 'not a segwit address (no valid witness version)';
  if (!program) return 'witness program is badly padded';
  if (version === 0 && usedBech32m) return 'segwit v0 address must use bech32, not bech32m';
  if (version > 0 && !usedBech32m) return `segwit v${version} address must use bech32m, not bech32`;
  if (program.length < 2 || program.length > 40) return 'witness program has the wrong length';
  if (version === 0 && program.length !== 20 && program.length !== 32)
    return 'segwit v0 program must be 20 or 32 bytes';
  return undefined;
}

function decodeBase58check(address: string): Uint8Array | string {
  if (!/^[1-9A-HJ-NP-Za-km-z]+$/.test(address))
    return 'contains characters not used in Base58 (0, O, I, l or others)';
  try {
    return base58check.decode(address);
  } catch {
    return 'Base58Check checksum does not match';
  }
}
