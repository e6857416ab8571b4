/** Where a field's value was found, best first: what a user sees on the page beats what it tells bots. */
export type Origin = 'site' | 'jsonld' | 'microdata' | 'meta' | 'title' | 'url';

/** The unit a salary was posted in; the API stores yearly amounts. */
export type SalaryPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface Salary {
  /** Yearly, whole units of the currency. */
  min?: number;
  max?: number;
  /** ISO 4217 code when the text or the data says it (USD, EUR, GBP, INR, ...). */
  currency?: string;
  period: SalaryPeriod;
  /** The salary as posted, for the notes (e.g. "From $22.38 an hour"). */
  posted: string;
}

/** The fields an extractor may find, named as the API names them, plus what the popup needs. */
export interface JobFields {
  company_name?: string;
  position_title?: string;
  location?: string;
  source?: string;
  source_url?: string;
  salary?: Salary;
  /** Plain text of the job's description, for the notes when the user wants it. */
  description?: string;
}

export type FieldName = keyof JobFields;

/** What one extractor answers: any subset of the fields. */
export type PartialJob = Partial<JobFields>;

export interface SiteExtractor {
  /** Shown as `source` in the draft ("LinkedIn", "Indeed", "Greenhouse", ...). */
  name: string;
  matches(url: URL): boolean;
  extract(document: Document, url: URL): PartialJob;
  /**
   * The job's address and key, for a site that names its jobs in the address (LinkedIn, Indeed),
   * or, given the page, in the pane of a search whose address names none. Undefined: no job is open.
   */
  address?(url: URL, doc?: Document): JobAddress | undefined;
}

/**
 * Where the registry looks after the site's own extractor: microdata, JSON-LD, `og:` meta,
 * `<title>`. `answerOf` gives another layer's answer, read once per extraction for all of them.
 */
export type Layer = [
  Origin,
  (document: Document, url: URL, answerOf: (origin: Origin) => PartialJob) => PartialJob,
];

/** The clean, canonical address of the job, the key that recognises it saved twice, and its origin. */
export interface JobAddress {
  url: string;
  /** `linkedin:<id>`, `indeed:<jk>`, else the canonical address. */
  key: string;
  origin: Origin;
}

/** The registry's answer: the create request's fields, the duplicate key and each field's origin. */
export interface JobDraft {
  company_name?: string;
  position_title?: string;
  location?: string;
  source?: string;
  source_url?: string;
  salary_min?: number;
  salary_max?: number;
  /** The salary as posted, with its currency, when it was converted or when it adds information. */
  salary_posted?: string;
  description?: string;
  /** `linkedin:<id>`, `indeed:<jk>`, else the canonical address. */
  job_key: string;
  origins: Partial<Record<FieldName, Origin>>;
  /** Fields that were cut to the API's limits, for a visible notice. */
  truncated?: FieldName[];
  /** A search of a site that names its jobs (LinkedIn, Indeed) with no job open: nothing to save. */
  no_job?: true;
}
