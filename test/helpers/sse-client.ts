// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions

/** One Server-Sent Event: its `event` name (`next`, `complete`) and its data, parsed when JSON. */
export interface SseEvent {
  event: string;
  data: any;
}

export interface SseStream {
  /** The HTTP status and content type of the answer. */
  status: number;
  contentType: string | null;
  /** The events as they arrive; ends when the server ends the stream. */
  events: AsyncGenerator<SseEvent>;
  /** Disconnects (the fetch is aborted). */
  close(): void;
}

type Fetch = (input: string, init: RequestInit) => Response | Promise<Response>;

/** Reads a `text/event-stream` answer over fetch: the GraphQL over SSE "distinct connections" mode. */
export async function openSse(fetchFn: Fetch, url: string, init: RequestInit = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetchFn(url, {
    ...init,
    headers: { accept: 'text/event-stream', ...(init.headers as Record<string, string>) },
    signal: controller.signal,
  });
  async function* events(): AsyncGenerator<SseEvent> {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length === 0 && event === 'message') continue;
          const text = data.join('\n');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : text;
          } catch {
            // not JSON: kept as text
          }
          yield { event, data: parsed };
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events: events(),
    close: () => controller.abort(),
  };
}

/** Every `next` payload until `complete` (or the stream's end). */
export async function collectNext(stream: SseStream): Promise<any[]> {
  const payloads: any[] = [];
  for await (const event of stream.events) {
    if (event.event === 'complete') break;
    if (event.event === 'next') payloads.push(event.data);
  }
  return payloads;
}
