import { describe, expect, it } from 'vitest';
import { normaliseCryptoWallet, toChecksumAddress } from './crypto-wallet.ts';

// The EIP-55 specification's examples (all-caps, all-lower and mixed groups).
const EIP55_EXAMPLES = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('normaliseCryptoWallet: Ethereum and EVM chains', () => {
  it('accepts the EIP-55 examples and keys them in lower case', () => {
    for (const address of EIP55_EXAMPLES) {
      expect(normaliseCryptoWallet(address)).toMatchObject({
        valid: true,
        value: address.toLowerCase(),
        details: { chain: 'ethereum' },
      });
    }
  });

  it('rejects a mixed-case address whose EIP-55 checksum does not match, without fixing it', () => {
    const wallet = normaliseCryptoWallet('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
    expect(wallet).toMatchObject({ valid: false, problem: 'EIP-55 checksum does not match' });
    expect(wallet.raw).toBe('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
  });

  it('accepts all-lower and all-upper hex, and 0X', () => {
    expect(normaliseCryptoWallet('0X52908400098527886E0F7030069857D2E4169EE7').valid).toBe(true);
  });

  it('rejects wrong lengths and non-hex digits', () => {
    expect(normaliseCryptoWallet('0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea').problem).toBe(
      'not 0x followed by 40 hexadecimal digits',
    );
    expect(normaliseCryptoWallet('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beagg').valid).toBe(false);
  });

  it('keeps the EVM chain the officer named, and reads tickers', () => {
    const address = '0xde709f2102306220921060314715629080e2fb77';
    expect(normaliseCryptoWallet(address, 'BEP20').details.chain).toBe('bsc');
    expect(normaliseCryptoWallet(address, 'Polygon').details.chain).toBe('polygon');
  });

  it('reads addresses pasted with spaces, line breaks, full-width digits or a payment URI', () => {
    const key = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
    expect(normaliseCryptoWallet(' 0x5aAeb6053F3E94C9b9A0\n9f33669435E7Ef1BeAed ').value).toBe(key);
    expect(
      normaliseCryptoWallet('ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1?value=1e18').value,
    ).toBe(key);
    expect(normaliseCryptoWallet('０x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed').value).toBe(key);
  });
});

describe('toChecksumAddress', () => {
  it('writes the EIP-55 form', () => {
    for (const address of EIP55_EXAMPLES.slice(4))
      expect(toChecksumAddress(address.toLowerCase())).toBe(address);
  });

  it('fails loudly on what is not an address', () => {
    expect(() => toChecksumAddress('0x123')).toThrow(/40 hexadecimal/);
  });
});

describe('normaliseCryptoWallet: Bitcoin', () => {
  it('accepts Base58Check P2PKH and P2SH addresses, keeping their case', () => {
    expect(normaliseCryptoWallet('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toMatchObject({
      valid: true,
      value: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      details: { chain: 'bitcoin', network: 'mainnet', type: 'p2pkh' },
    });
    expect(normaliseCryptoWallet('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy').details.type).toBe('p2sh');
    // from the CryptoScamDB blacklist
    expect(normaliseCryptoWallet('31pkayxomDRSFRQ8Tuomvs6hm49szqkQ6s').valid).toBe(true);
  });

  it('rejects a Base58Check address with one character changed', () => {
    expect(normaliseCryptoWallet('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3')).toMatchObject({
      valid: false,
      problem: 'Base58Check checksum does not match',
      value: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3',
    });
    expect(normaliseCryptoWallet('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0', 'bitcoin').problem).toMatch(
      /not used in Base58/,
    );
  });

  it('accepts the BIP-173 and BIP-350 valid addresses, keyed in lower case', () => {
    expect(normaliseCryptoWallet('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toMatchObject({
      valid: true,
      value: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      details: { chain: 'bitcoin', network: 'mainnet', type: 'p2wpkh' },
    });
    expect(
      normaliseCryptoWallet('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0').details.type,
    ).toBe('p2tr');
    expect(
      normaliseCryptoWallet('tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c').details.network,
    ).toBe('testnet');
    expect(normaliseCryptoWallet('BC1SW50QGDZ25J').valid).toBe(true);
    expect(normaliseCryptoWallet('bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs').valid).toBe(true);
  });

  it('rejects the BIP-350 invalid addresses with the reason', () => {
    const problems = {
      bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd:
        'segwit v1 address must use bech32m, not bech32',
      bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh: 'segwit v0 address must use bech32, not bech32m',
      bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4:
        'contains characters not used in bech32 (1, b, i, o or others)',
      BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R:
        'not a segwit address (no valid witness version)',
      bc1pw5dgrnzv: 'witness program has the wrong length',
      BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P: 'segwit v0 program must be 20 or 32 bytes',
      tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq:
        'bech32 address mixes upper and lower case',
      bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf: 'witness program is badly padded',
      bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5: 'bech32 checksum does not match',
    };
    for (const [address, problem] of Object.entries(problems)) {
      expect(normaliseCryptoWallet(address), address).toMatchObject({ valid: false, problem });
    }
  });

  it('reads a BIP-21 payment URI', () => {
    expect(normaliseCryptoWallet('bitcoin:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2?amount=0.5').value).toBe(
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
    );
  });
});

describe('normaliseCryptoWallet: TRON', () => {
  it('accepts TRON addresses from the CryptoScamDB blacklist', () => {
    for (const address of ['TCwkX7ztyJzbuv7WjuuKsB9VCdv2mhYtj8', 'TDLcipJPJMT6iCFava8B9A1gGiKJvBRWzn']) {
      expect(normaliseCryptoWallet(address)).toMatchObject({
        valid: true,
        value: address,
        details: { chain: 'tron' },
      });
    }
    expect(normaliseCryptoWallet('TCwkX7ztyJzbuv7WjuuKsB9VCdv2mhYtj8', 'TRC20').valid).toBe(true);
  });

  it('rejects a TRON address with a bad checksum, and a Bitcoin address said to be TRON', () => {
    expect(normaliseCryptoWallet('TCwkX7ztyJzbuv7WjuuKsB9VCdv2mhYtj9').problem).toBe(
      'Base58Check checksum does not match',
    );
    expect(normaliseCryptoWallet('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'tron').problem).toBe(
      'not a TRON address (21 bytes starting 0x41)',
    );
  });
});

describe('normaliseCryptoWallet: other input', () => {
  it('says when the shape matches no supported chain, or the chain is not checked', () => {
    expect(normaliseCryptoWallet('hello world')).toMatchObject({
      valid: false,
      problem: 'not a Bitcoin, EVM (0x…) or TRON address',
    });
    expect(normaliseCryptoWallet('rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh', 'XRP')).toMatchObject({
      valid: false,
      problem: "addresses on chain 'xrp' are not checked yet",
      details: { chain: 'xrp' },
    });
  });

  it('rejects an EVM address said to be Bitcoin', () => {
    expect(normaliseCryptoWallet('0xde709f2102306220921060314715629080e2fb77', 'bitcoin').valid).toBe(false);
  });
});
