import { redirect } from 'next/navigation';
import { DEFAULT_ENTE } from '@/lib/server/config';

export default function Home() {
  redirect(`/${DEFAULT_ENTE}`);
}
