package io.factlint.bench;

import io.factlint.engine.CacheOptions;
import io.factlint.model.Severity;
import io.factlint.serve.Drafter;
import io.factlint.serve.Workbench;
import io.factlint.serve.WorkbenchServer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The workbench's live path, timed: a real server on loopback with the rules compiled, an SSE client as the open
 * page, then {@code runs} times an edit of one fact on disk (written as an editor saves: temp file, rename) and
 * the time until the page has the event ({@code event}), and until it has fetched the re-rendered story page
 * ({@code page}, what the script does next). CPU is the process's CPU time over the same interval. Heap: the
 * peak of the heap pools over the whole run, and the heap in use after a GC at the end.
 *
 * <pre>java -Xmx300m ... io.factlint.bench.ServeBench --facts DIR --rules rules --file DIR/x.json
 *      --story ID --from '"amount": 11000' --to '"amount": 11001' --runs 21</pre>
 */
public final class ServeBench {
    public static void main(String[] args) throws Exception {
        Path facts = null;
        Path rules = Path.of("rules");
        Path file = null;
        String story = null;
        String from = null;
        String to = null;
        int runs = 21;
        String label = "serve";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--facts" -> facts = Path.of(args[++i]);
                case "--rules" -> rules = Path.of(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--story" -> story = args[++i];
                case "--from" -> from = args[++i];
                case "--to" -> to = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String original = Files.readString(file, StandardCharsets.UTF_8);
        if (!original.contains(from)) throw new IllegalArgumentException(file + " does not contain " + from);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime();
        Workbench bench = new Workbench(new Workbench.Config(List.of(facts), rules, null, Severity.ERROR,
                CacheOptions.defaults(), Duration.ofSeconds(60), Clock.systemUTC(), Drafter.NONE));
        if (!bench.start()) throw new IllegalStateException("the rules do not compile");
        bench.watch();
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        HttpClient http = HttpClient.newHttpClient();
        BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        List<Long> eventMs = new ArrayList<>();
        List<Long> pageMs = new ArrayList<>();
        List<Long> cpuMs = new ArrayList<>();
        try (WorkbenchServer server = new WorkbenchServer(bench, null, 0)) {
            String base = "http://127.0.0.1:" + server.port();
            String auth = "Bearer " + server.url().substring(server.url().indexOf("token=") + 6);
            HttpResponse<Stream<String>> sse = http.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                    .header("Authorization", auth).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> sse.body().forEach(line -> {
                if (line.startsWith("data: ")) events.add(System.nanoTime());
            }), "sse");
            reader.setDaemon(true);
            reader.start();
            HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/story?id=" + java.net.URLEncoder.encode(story, StandardCharsets.UTF_8)))
                    .header("Authorization", auth).build();
            if (http.send(page, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) throw new IllegalStateException("no story " + story);
            events.poll(5, TimeUnit.SECONDS); // the event of the connection itself
            Thread.sleep(500);
            boolean edited = false;
            for (int i = 0; i < runs + 3; i++) { // the first 3 warm up
                events.clear();
                String text = edited ? original : original.replace(from, to);
                edited = !edited;
                Path temp = file.resolveSibling("." + file.getFileName() + ".bench");
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Long at = events.poll(30, TimeUnit.SECONDS);
                if (at == null) throw new IllegalStateException("no event after edit " + i);
                HttpResponse<String> r = http.send(page, HttpResponse.BodyHandlers.ofString());
                long done = System.nanoTime();
                if (r.statusCode() != 200) throw new IllegalStateException("page " + r.statusCode());
                if (i >= 3) {
                    eventMs.add((at - start) / 1_000_000);
                    pageMs.add((done - start) / 1_000_000);
                    cpuMs.add((os.getProcessCpuTime() - cpu) / 1_000_000);
                }
                Thread.sleep(200); // let the watcher's debounce close before the next edit
            }
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            bench.close();
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("%s: %d edits; edit->event median %d ms (min %d, max %d); edit->page median %d ms; "
                        + "process CPU median %d ms; start (compile + first check) %d ms; heap peak %d MB, after GC %d MB, -Xmx %d MB%n",
                label, eventMs.size(), median(eventMs), Collections.min(eventMs), Collections.max(eventMs), median(pageMs),
                median(cpuMs), startMs, peak >> 20, used >> 20, max >> 20);
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
