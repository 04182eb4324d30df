// Indonesian red-flag patterns. Pay norm: BPS reports an average wage of about Rp 3.2 million a
// month (2024), about USD 200; recruiters for compounds offer USD 800–1,500.
import type { LanguagePatterns } from './catalogue.ts';

const APPS = '(?:telegram|tele|whats ?app|wa|we ?chat|line|signal|viber|skype)';
const HANDLE = String.raw`(?:@\w{3,}(?:\.\w+)*|\+?\d[\d\s-]{6,}\d)`;
const LANGS = '(?:inggris|english|mandarin|cina|china|jepang|korea|thailand|vietnam|melayu|arab)';

export const id: LanguagePatterns = {
  language: 'id',
  boundary: 'word',
  flags: {
    high_pay: {
      patterns: [
        'gaji (?:tinggi|besar|menggiurkan|fantastis|puluhan juta|dua digit)',
        '(?:penghasilan|pendapatan|bayaran|komisi) (?:tinggi|besar|menggiurkan|fantastis|jutaan|puluhan juta)',
        '(?:cuan|untung) (?:besar|banyak)',
        'cepat kaya',
      ],
    },
    risky_destination: {
      patterns: [
        'kamboja',
        'phnom penh',
        '(?:preah )?sihanouk ?ville',
        'poipet',
        'bavet',
        'myanmar',
        'birma',
        'myawaddy',
        'shwe ?kokko',
        'kk park',
        'segitiga emas',
        'laos',
        'mae sot',
        'perbatasan (?:thailand|myanmar|kamboja)',
        'filipina',
        'manila',
        'pampanga',
        'dubai',
      ],
    },
    messaging_only: {
      patterns: [
        String.raw`${APPS}\s*(?:id|nomor|no\.?|admin)?\s*[:：]?\s*${HANDLE}`,
        String.raw`(?:hubungi|kontak|chat|hub|japri|dm|kirim(?:kan)?|add|daftar)(?: kami| admin| hrd| cv)?(?: hanya)? (?:via|lewat|melalui|di|ke) ${APPS}(?:\s*(?:id|number|nomor|n[uú]mero|al|ke)?\s*[:：]?\s*${HANDLE})?`,
        `(?:hanya|cuma) (?:via|lewat|melalui) ${APPS}`,
        // "hubungi WhatsApp saja", "kontak Telegram": the app straight after the verb.
        `(?:hubungi|kontak|chat|japri)(?: kami| admin| hrd)? ${APPS}(?: saja| aja)?`,
      ],
    },
    scam_role: {
      patterns: [
        'customer service|layanan pelanggan|cs online',
        'admin (?:online|chat|game|sosmed|media sosial)',
        'operator (?:game|chat|online)',
        '(?:pengetikan|ketik|mengetik|tukang ketik)(?: online)?',
        'input data|entri data|data entry',
        '(?:marketing|pemasaran) online',
        '(?:judi|game|slot|kasino) online',
        'kripto|crypto|aset digital',
        'telemarketing',
      ],
    },
    no_experience: {
      patterns: [
        'tanpa pengalaman',
        'tidak (?:perlu|butuh|harus|wajib) (?:ber)?pengalaman',
        '(?:belum|tidak) berpengalaman (?:dipersilakan|boleh|bisa)',
        'pengalaman tidak (?:diperlukan|dibutuhkan|wajib|perlu)',
        'fresh ?graduate (?:dipersilakan|boleh|welcome)',
        'semua lulusan',
        'tidak (?:perlu|butuh) (?:ijazah|keahlian khusus)',
      ],
    },
    costs_paid: {
      patterns: [
        '(?:tiket(?: pesawat)?|visa|akomodasi|mess|tempat tinggal|asrama|penginapan|makan dan tempat tinggal|biaya (?:keberangkatan|pemberangkatan|perjalanan))(?: dan (?:visa|akomodasi|mess|makan|tiket))? (?:ditanggung|gratis|disediakan|dibayar|dibiayai)(?: (?:oleh )?(?:perusahaan|kantor|pt))?',
        '(?:gratis|free) (?:tiket(?: pesawat)?|visa|akomodasi|mess|tempat tinggal|makan(?: dan mess)?)',
        'semua biaya ditanggung(?: perusahaan)?',
      ],
      negatable: true,
    },
    urgency: {
      patterns: [
        '(?:dibutuhkan|butuh|dicari) segera',
        'segera (?:dibutuhkan|berangkat|diberangkatkan)',
        'langsung berangkat',
        'berangkat (?:secepatnya|minggu depan|segera|langsung|besok)',
        'urgent',
        '(?:kuota|tempat|lowongan|slot) terbatas',
        String.raw`(?:hanya|cuma) \d+ (?:orang|posisi|slot|kursi|tempat)`,
        'jangan sampai ketinggalan',
        'buruan(?: daftar)?',
      ],
      supporting: ['segera', 'secepatnya', 'langsung kerja'],
    },
    tourist_visa: {
      patterns: [
        'visa (?:turis|wisata|kunjungan|pelancong|on arrival)',
        '(?:pakai|dengan|menggunakan) (?:visa )?(?:turis|kunjungan|bebas visa)',
      ],
      negatable: true,
    },
    age_limit: {
      patterns: [
        String.raw`(?:usia|umur)\s*(?:maks(?:imal|\.)?|max\.?)?\s*[:：]?\s*\d{2}\s*(?:-|–|s\.?d\.?|sampai|hingga)\s*\d{2}(?: tahun)?`,
        String.raw`(?:usia|umur)\s*(?:maks(?:imal|\.)?|max\.?)\s*[:：]?\s*\d{2}(?: tahun)?`,
        String.raw`(?:maks(?:imal|\.)?|max\.?) (?:usia|umur) \d{2}(?: tahun)?`,
      ],
    },
    language_typing: {
      patterns: [
        `(?:bisa|mampu|fasih|lancar|menguasai|paham) (?:berbahasa |bahasa )?${LANGS}`,
        `bahasa ${LANGS}(?: (?:aktif|lancar|fasih|wajib|pasif))?`,
        String.raw`kecepatan mengetik|(?:mengetik|ketik) cepat|\d{2,3} kata per menit`,
      ],
    },
    documents_or_fees: {
      patterns: [
        '(?:fotokopi|foto ?copy|foto|scan|salinan|kirim(?:kan)?|lampirkan|serahkan) (?:paspor|ktp|kk|kartu keluarga|ijazah|akta kelahiran|buku rekening)',
        'nomor rekening|rekening bank',
        '(?:biaya|uang) (?:pendaftaran|administrasi|admin|pelatihan|training|medical|medis|proses|pemberangkatan|jaminan|deposit|seragam)',
        '(?:bayar|transfer) (?:biaya|uang|dp|deposit)',
        'potong gaji',
      ],
      negatable: true,
    },
    vague_company: {
      patterns: [
        'perusahaan (?:ternama|terkenal|besar|bonafid|internasional|asing|terpercaya|ternama)',
        'nama perusahaan (?:dirahasiakan|akan diinformasikan)',
      ],
    },
  },
  negations: ['tidak', 'tanpa', 'bebas', 'gratis', 'bukan', 'tak', 'nol', 'free', 'no', 'tidak ada'],
  pay: {
    currencies: [
      [String.raw`Rp\.?|IDR|rupiah`, 'IDR'],
      [String.raw`US\$|USD|USDT|dolar(?: AS)?`, 'USD'],
      [String.raw`\$`, 'USD'],
      ['RM|MYR|ringgit', 'MYR'],
    ],
    multipliers: [
      ['juta|jt', 1e6],
      ['ribu|rb|k', 1e3],
    ],
    periods: [
      [String.raw`(?:per|/|se)\s*jam`, 'hour'],
      [String.raw`(?:per|/|se)\s*hari|harian`, 'day'],
      [String.raw`(?:per|/|se)\s*minggu|mingguan`, 'week'],
      [String.raw`(?:per|/|se)\s*(?:bulan|bln)|bulanan|perbulan`, 'month'],
      [String.raw`(?:per|/|se)\s*tahun|tahunan`, 'year'],
    ],
    payWords: [
      ['gaji (?:pokok )?(?:per ?)?bulan(?:an)?', 'month'],
      ['gaji(?: pokok)?|upah|penghasilan|pendapatan|salary', null],
    ],
    defaultCurrency: 'IDR',
    thousands: '.',
  },
  companyNames: [
    String.raw`\b(?:PT|CV)\.?\s+[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&-]*(?:\s+[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&-]*){0,4}`,
    String.raw`[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&-]*(?:\s+[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&-]*){0,4}\s+Tbk`,
    String.raw`(?:NIB|SIUP|SIUPPAK|SIP3MI|NPWP)\s*(?:[Nn]o\.?)?\s*[:：]?\s*\d[\d./-]{5,}`,
  ],
  skilled: [
    String.raw`pengalaman (?:minimal|min\.?) \d+ tahun`,
    'berpengalaman',
    'lulusan (?:S1|S2|D3)|sarjana',
    'bersertifikat|manajer|insinyur',
  ],
  unskilledMonthlyUsd: 200,
};
