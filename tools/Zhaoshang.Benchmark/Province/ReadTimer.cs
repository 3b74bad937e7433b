using System.Diagnostics;
using System.Net.Http.Headers;

namespace Zhaoshang.Benchmark.Province;

/// <summary>
/// One read's figures for one caller: latencies, the answer's status and size, and for exports the time to the first
/// byte of the body and the serving process's memory.
/// </summary>
internal sealed record ReadFigures(
    StaffReads.Read Read, string Caller, Percentiles Latency, Percentiles? FirstByte, int Status, long Bytes, double? RssBeforeMiB, double? RssPeakMiB)
{
    /// <summary>
    /// What the 100 ms target applies to: the answer, or for an export the start of the download (the person sees the file
    /// coming; a file of megabytes cannot arrive whole in 100 ms however it is built).
    /// </summary>
    public Percentiles Judged => FirstByte ?? Latency;
}

/// <summary>
/// Times each read one request after another (a member of staff waits for the answer), after two unmeasured warm-up calls;
/// for an export also the first byte of its body; during an export it samples the resident set of the process serving it every 10 ms.
/// </summary>
internal sealed class ReadTimer(HttpClient http, int requests, int exportRequests)
{
    public async Task<ReadFigures> TimeAsync(StaffReads.Read read, Uri service, string path, string caller, string token, int? pid)
    {
        var latencies = new List<TimeSpan>();
        var firstBytes = new List<TimeSpan>();
        var status = 0;
        long bytes = 0;
        double? before = null, peak = null;
        var count = read.Export ? exportRequests : requests;
        for (var i = -2; i < count; i++)
        {
            using var stop = new CancellationTokenSource();
            Task<double>? sampler = null;
            if (read.Export && pid is { } id && i >= 0)
            {
                before ??= ResidentMiB(id);
                sampler = SamplePeakAsync(id, stop.Token);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            long read_ = await body.ReadAsync(buffer);
            var firstByte = Stopwatch.GetElapsedTime(started);
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
                read_ += n;
            var took = Stopwatch.GetElapsedTime(started);
            await stop.CancelAsync();
            if (sampler is not null)
                peak = Math.Max(peak ?? 0, await sampler);
            status = (int)response.StatusCode;
            bytes = read_;
            if (i >= 0 && response.IsSuccessStatusCode)
            {
                latencies.Add(took);
                firstBytes.Add(firstByte);
            }
        }

        return new ReadFigures(read, caller, Percentiles.Of(latencies), read.Export ? Percentiles.Of(firstBytes) : null, status, bytes, before, peak);
    }

    private static async Task<double> SamplePeakAsync(int pid, CancellationToken stop)
    {
        var peak = 0.0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentMiB(pid));
            await Task.Delay(10, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return Math.Max(peak, ResidentMiB(pid));
    }

    private static double ResidentMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line[6..].Trim().Split(' ')[0]) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
