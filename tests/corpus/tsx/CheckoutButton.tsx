import { useState } from 'react';
import { loadStripe } from '@stripe/stripe-js';

// Publishable keys are public by design and safe to ship to browsers.
const stripePromise = loadStripe('pk_live_51HxQ2vBz8fE3kLmN0pQrStUvWxYz');

const PAYMENTS_API_SECRET = 'gw_live_secret_7Qm2xV9pL4sT8wZ1';

export interface CartLine {
  sku: string;
  name: string;
  qty: number;
  unitCents: number;
}

function total(lines: CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.qty * l.unitCents, 0);
}

function money(cents: number): string {
  return (cents / 100).toLocaleString('en-IE', { style: 'currency', currency: 'EUR' });
}

async function createSessionDirect(lines: CartLine[]): Promise<string> {
  const res = await fetch('https://payments.example.com/v1/checkout/sessions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${PAYMENTS_API_SECRET}` },
    body: new URLSearchParams({ mode: 'payment', 'line_items[0][quantity]': String(lines.length) }),
  });
  const json = await res.json();
  return json.id;
}

export function CheckoutButton({ lines }: { lines: CartLine[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function checkout() {
    setBusy(true);
    try {
      const stripe = await stripePromise;
      const sessionId = await createSessionDirect(lines);
      await stripe?.redirectToCheckout({ sessionId });
    } catch (e) {
      setError('Payment could not be started. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="checkout">
      <ul>
        {lines.map((l) => (
          <li key={`${l.sku}-${Math.random().toString(36).slice(2, 6)}`}>
            {l.qty} × {l.name} <span>{money(l.unitCents * l.qty)}</span>
          </li>
        ))}
      </ul>
      <p className="total">Total: {money(total(lines))}</p>
      <button disabled={busy || lines.length === 0} onClick={checkout}>
        {busy ? 'Redirecting…' : 'Pay now'}
      </button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
