import { useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { StatusMessage, type Tone } from '@/components/StatusMessage';
import { errorText, send } from '@/lib/ui/background-client';
import { accessRefused, requestAccess } from './access';
import { parseAddress } from './address';
import { verdictWords } from './verdict';

interface Props {
  apiUrl: string;
  onApiUrl(value: string): void;
}

export function ConnectionSection({ apiUrl, onApiUrl }: Props) {
  const [addressError, setAddressError] = useState<string>();
  const [result, setResult] = useState<{ tone: Tone; text: string } | null>(null);
  const [testing, setTesting] = useState(false);

  const test = (event: Event) => {
    event.preventDefault();
    const address = parseAddress(apiUrl);
    if (!address.ok) {
      setAddressError(address.error);
      setResult(null);
      return;
    }
    setAddressError(undefined);
    // Before any await, while the click still counts as the user's: see requestAccess.
    const access = requestAccess(address);
    setTesting(true);
    setResult(null);
    void (async () => {
      try {
        if (!(await access)) {
          setResult({ tone: 'error', text: accessRefused(address) });
          return;
        }
        const answer = await send({ type: 'connection:test', apiUrl: address.url });
        setResult(verdictWords(answer, address.url));
      } catch (caught) {
        setResult({ tone: 'error', text: errorText(caught) });
      } finally {
        setTesting(false);
      }
    })();
  };

  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">CareerTrack address</h2>
      <form onSubmit={test} noValidate>
        <Field
          name="api_url"
          label="API address"
          type="url"
          hint="Where your CareerTrack answers, e.g. http://127.0.0.1:8000"
          value={apiUrl}
          error={addressError}
          onValue={(value) => {
            onApiUrl(value);
            setAddressError(undefined);
          }}
          onBlur={() => {
            const address = parseAddress(apiUrl);
            setAddressError(address.ok ? undefined : address.error);
          }}
        />
        <button type="submit" disabled={testing}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
      </form>
      {result && <StatusMessage tone={result.tone}>{result.text}</StatusMessage>}
    </section>
  );
}
