import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CaseFileSchema, type CaseFile, type CaseFileInput } from '../../../../templates/domain/schemas/case.ts';

const examples = fileURLToPath(new URL('../../../../templates/examples/', import.meta.url));

/** A case file from templates/examples/, with changes applied to its JSON before validation. */
export function exampleCase(name: string, change: (input: CaseFileInput) => void = () => {}): CaseFile {
  const input = JSON.parse(readFileSync(`${examples}${name}.json`, 'utf8')) as CaseFileInput;
  change(input);
  return CaseFileSchema.parse(input);
}

/** England & Wales, debtor a limited company (letter before action): the example as it is. */
export const gbCompany = (): CaseFile => exampleCase('en-gb-tracking');

/** England & Wales, debtor an individual (letter of claim), contract interest 8 % a year, one part payment. */
export const gbIndividual = (): CaseFile =>
  exampleCase('en-gb-tracking', (c) => {
    c.debtor = {
      kind: 'consumer',
      legalName: 'Sarah Collins',
      address: { lines: ['7 Elm Grove'], city: 'York', postalCode: 'YO1 7HH', region: 'ENG', country: 'GB' },
      emails: ['sarah.collins@example.com'],
      language: 'en-GB',
      timeZone: 'Europe/London',
    };
    c.contract!.latePayment = { interest: { kind: 'contractual', rate: { percent: '8', per: 'year' } }, fixedCompensation: false };
    c.invoices[0]!.payments = [{ date: '2026-05-05', amount: { currency: 'GBP', amount: '880.00' } }];
  });

/** England & Wales, debtor a sole trader: a business in law, an individual for the Protocol. */
export const gbSoleTrader = (): CaseFile =>
  exampleCase('en-gb-tracking', (c) => {
    c.debtor = { ...c.debtor, legalName: 'Tom Hale', tradingName: 'Hale Joinery', soleTrader: true };
    delete c.debtor.contactName;
    delete c.debtor.companyId;
  });

/** France, SARL debtor, 4 032 € TTC, statutory penalties and the 40 € indemnité. */
export const frCompany = (): CaseFile => exampleCase('fr-pressure-scale');

const deParties = (consumer: boolean) => (c: CaseFileInput) => {
  c.reference = 'BECKER-2026-07';
  c.creditor = {
    kind: 'business',
    legalName: 'Lena Becker',
    tradingName: 'Becker Grafikdesign',
    address: { lines: ['Schanzenstraße 12'], city: 'Hamburg', postalCode: '20357', region: 'HH', country: 'DE' },
    emails: ['lena@becker.example'],
    language: 'en',
    timeZone: 'Europe/Berlin',
    taxId: 'DE298765432',
    bank: { accountName: 'Lena Becker', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  };
  c.debtor = consumer
    ? {
        kind: 'consumer',
        legalName: 'Thomas Müller',
        address: { lines: ['Lindenallee 3'], city: 'Bremen', postalCode: '28209', region: 'HB', country: 'DE' },
        emails: ['t.mueller@example.de'],
        language: 'en',
        timeZone: 'Europe/Berlin',
      }
    : {
        kind: 'business',
        legalName: 'Nordlicht Medien GmbH',
        contactName: 'Jan Schröder',
        address: { lines: ['Am Sandtorkai 50'], city: 'Hamburg', postalCode: '20457', region: 'HH', country: 'DE' },
        emails: ['buchhaltung@nordlicht.example'],
        language: 'en',
        timeZone: 'Europe/Berlin',
        companyId: 'HRB 123456',
      };
  c.contract = {
    number: 'LB-2026-03',
    date: '2026-01-15',
    title: 'Corporate design',
    scope: 'Logo, stationery and a style guide.',
    price: { currency: 'EUR', amount: '3570.00' },
    schedule: [{ label: 'On completion', trigger: 'completion', percent: '100' }],
    dueDateRule: { kind: 'net', days: 14 },
    latePayment: { interest: { kind: 'statutory' }, fixedCompensation: true },
    jurisdiction: 'DE',
    language: 'en',
  };
  c.invoices = [
    {
      number: 'RE-2026-018',
      issueDate: '2026-03-02',
      currency: 'EUR',
      contractNumber: 'LB-2026-03',
      lines: [{ description: 'Corporate design', quantity: '1', unitPrice: '3000.00', taxRate: '19' }],
    },
  ];
  c.ladder = 'pressure-scale';
};

/** Germany between businesses: 3 570 € due 16 March 2026, Basiszinssatz 1.27 % + 9 = 10.27 %, 40 € Pauschale. */
export const deBusiness = (): CaseFile => exampleCase('fr-pressure-scale', deParties(false));
/** Germany, debtor a consumer: 1.27 % + 5 = 6.27 %, no Pauschale. */
export const deConsumer = (): CaseFile => exampleCase('fr-pressure-scale', deParties(true));

/** Russia: ООО debtor, invoice 12 for 150 000 ₽ due 11 April 2026, 50 000 ₽ paid 20 April; ст. 395 interest. */
export const ruCompany = (): CaseFile => exampleCase('ru-gentle');
/** Russia with a contractual penalty (неустойка) of 0.1 % a day written as 36.5 % a year. */
export const ruPenalty = (): CaseFile =>
  exampleCase('ru-gentle', (c) => {
    c.contract!.latePayment = { interest: { kind: 'contractual', rate: { percent: '36.5', per: 'year' } }, fixedCompensation: false, penaltyClause: true };
  });

/** Israel: contract interest 1 % a month, invoice 1042 for ₪7,080 due 30 April 2026. */
export const ilContract = (): CaseFile => exampleCase('he-il-pressure-scale');
/** Israel, statutory interest: the engine refuses (Amendment 9), the letter gives no figure. */
export const ilStatutory = (): CaseFile =>
  exampleCase('he-il-pressure-scale', (c) => {
    c.contract!.latePayment = { interest: { kind: 'statutory' }, fixedCompensation: false };
  });

/** New York: a company owes $4,200 due 15 March 2026; CPLR 5004 9 %. */
export const usNewYork = (): CaseFile =>
  exampleCase('en-gb-tracking', (c) => {
    c.reference = 'RIVERA-2026-4';
    c.creditor = {
      kind: 'business',
      legalName: 'Ana Rivera Studio LLC',
      contactName: 'Ana Rivera',
      address: { lines: ['88 Bedford Avenue'], city: 'Brooklyn', postalCode: '11211', region: 'NY', country: 'US' },
      emails: ['ana@rivera.example'],
      phone: '+1 718 555 0142',
      language: 'en-US',
      timeZone: 'America/New_York',
      bank: { accountName: 'Ana Rivera Studio LLC', details: 'Routing 021000021, account 123456789' },
    };
    c.debtor = {
      kind: 'business',
      legalName: 'Hudson Bakery Inc.',
      contactName: 'Mark Levin',
      address: { lines: ['410 Hudson Street'], city: 'New York', postalCode: '10014', region: 'NY', country: 'US' },
      emails: ['ap@hudsonbakery.example'],
      language: 'en-US',
      timeZone: 'America/New_York',
    };
    delete c.contract;
    c.jurisdiction = 'US-NY';
    c.invoices = [
      {
        number: 'ARS-107',
        issueDate: '2026-02-13',
        dueDate: '2026-03-15',
        currency: 'USD',
        lines: [{ description: 'Packaging design', quantity: '1', unitPrice: '4200.00', taxRate: '0' }],
      },
    ];
  });
