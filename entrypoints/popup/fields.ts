import type { FieldName } from '@/lib/application';

/** Visible labels, short enough for a 380px popup; the inputs' names stay the API's. */
export const FIELD_LABELS: Record<FieldName, string> = {
  company_name: 'Company',
  position_title: 'Title',
  status: 'Status',
  location: 'Location',
  salary_min: 'Salary min',
  salary_max: 'Salary max',
  source: 'Source',
  source_url: 'Source URL',
  applied_at: 'Applied on',
  next_step_at: 'Next step on',
  notes: 'Notes',
};

export function fieldLabel(name: string): string {
  return (FIELD_LABELS as Record<string, string>)[name] ?? name;
}
