// Wallet checks run over real public scam lists in ../shared/data/crypto (skipped where absent).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseCryptoWallet } from './crypto-wallet.ts';

const dataFile = (path: string) =>
  fileURLToPath(new URL(`../../../../shared/data/crypto/${path}`, import.meta.url));
const DARKLIST = dataFile('ethereum-lists-darklist/addresses-darklist.json');
const OPENAML = dataFile('openaml-finos/address_fraud.csv');
const CRYPTOSCAMDB = dataFile('cryptoscamdb/urls.yaml');

/** The addresses CryptoScamDB lists under each coin (`addresses:` → `BTC:` → `- "…"`). */
function cryptoScamDbAddresses(): Map<string, Set<string>> {
  const byCoin = new Map<string, Set<string>>();
  let coin = '';
  for (const line of readFileSync(CRYPTOSCAMDB, 'utf8').split('\n')) {
    const heading = /^ {4}([A-Z]+):\s*$/.exec(line);
    const item = /^ {4}- "?([^"]+?)"?\s*$/.exec(line);
    if (heading) coin = heading[1]!;
    else if (item && coin) byCoin.set(coin, (byCoin.get(coin) ?? new Set()).add(item[1]!));
    else if (/^ {0,2}\S/.test(line)) coin = '';
  }
  return byCoin;
}

describe.skipIf(!existsSync(DARKLIST))('MyEtherWallet darklist', () => {
  it('accepts every address, mixed-case ones through their EIP-55 checksum', () => {
    const entries = JSON.parse(readFileSync(DARKLIST, 'utf8')) as { address: string }[];
    const addresses = entries.map((entry) => entry.address.trim()).filter((a) => /^0x[0-9a-f]{40}$/i.test(a));
    expect(addresses.length).toBeGreaterThan(600);
    const mixed = addresses.filter((a) => /[a-f]/.test(a.slice(2)) && /[A-F]/.test(a.slice(2)));
    expect(mixed.length).toBeGreaterThan(100);
    expect(addresses.filter((a) => !normaliseCryptoWallet(a).valid)).toEqual([]);
  });
});

describe.skipIf(!existsSync(OPENAML))('OpenAML flagged wallets', () => {
  it('accepts every address on the EVM chain it is listed under', () => {
    const rows = readFileSync(OPENAML, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.length).toBeGreaterThan(1000);
    const rejected = rows.filter(([chain, address]) => !normaliseCryptoWallet(address!, chain).valid);
    expect(rejected).toEqual([]);
    const chains = new Set(
      rows.map(([chain, address]) => normaliseCryptoWallet(address!, chain).details.chain),
    );
    expect(chains).toEqual(
      new Set(['ethereum', 'arbitrum', 'gnosis', 'linea', 'optimism', 'polygon', 'bsc']),
    );
  });
});

describe.skipIf(!existsSync(CRYPTOSCAMDB))('CryptoScamDB blacklist', () => {
  const byCoin = existsSync(CRYPTOSCAMDB) ? cryptoScamDbAddresses() : new Map<string, Set<string>>();

  it('accepts nearly all BTC, ETH and TRX addresses, detecting the chain unaided', () => {
    for (const [coin, chain] of [
      ['BTC', 'bitcoin'],
      ['ETH', 'ethereum'],
      ['TRX', 'tron'],
    ] as const) {
      const addresses = [...(byCoin.get(coin) ?? [])];
      const accepted = addresses.filter((a) => {
        const wallet = normaliseCryptoWallet(a);
        return wallet.valid && wallet.details.chain === chain;
      });
      expect(addresses.length, coin).toBeGreaterThan(10);
      expect(accepted.length / addresses.length, coin).toBeGreaterThan(0.97);
    }
  });

  it('catches the list’s own typing errors, each with its reason', () => {
    const problems: Record<string, string> = {
      '1Mn386ue8o3mW9866octLNP8HFqcYsphJCV': 'Base58Check checksum does not match',
      '13pisM9vRmrZCWs3EBSSDxOHdtPsmncpEx': 'contains characters not used in Base58 (0, O, I, l or others)',
      '0x9fAfDd6748BA31C41a23C8303Be53320Ed41901C': 'EIP-55 checksum does not match',
      '0x046c8b860E3F9b89245614DE803E89cA44Aa83': 'not 0x followed by 40 hexadecimal digits',
      '0x9cbb3edecdf8649f653ffe492d65bd777f4bc4f01': 'not 0x followed by 40 hexadecimal digits',
    };
    const listed = new Set([...(byCoin.get('BTC') ?? []), ...(byCoin.get('ETH') ?? [])]);
    for (const [address, problem] of Object.entries(problems)) {
      expect(listed.has(address), address).toBe(true);
      expect(normaliseCryptoWallet(address), address).toMatchObject({ valid: false, problem });
    }
    expect(normaliseCryptoWallet('16FVNrp2nfsRH9cWRidV6ZVZf4mDPBnJG9', 'ethereum').valid).toBe(false);
  });
});
