using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DjangoSettings.Http;

/// <summary>
/// CommonMiddleware's response phase for bodies: Django sets <c>Content-Length</c> on every
/// non-streaming response that has none. Installed as the response body while the inner pipeline
/// runs. A response whose endpoint set <c>Content-Length</c> (or started the response) before its
/// first write passes straight through; otherwise the body is held until the endpoint finishes,
/// then sent with its length. Pooled: the common pass-through case allocates nothing.
/// </summary>
/// <remarks>
/// What counts as streaming (Django's <c>StreamingHttpResponse</c>, which gets no length):
/// <see cref="DisableBuffering"/> (ASP.NET Core's way to ask for it), <see cref="SendFileAsync"/>,
/// a <c>text/event-stream</c> response, or a body beyond <see cref="MaxBufferedBytes"/>. Those go
/// out as they come, without <c>Content-Length</c> (Kestrel then uses chunked encoding).
/// <see cref="StartAsync"/> and flushes are not: <c>Response.WriteAsync(string)</c> starts the
/// response before every write and serializers flush at their end, so while the body is held they
/// do nothing (the response starts, and the outer middleware's response phases run, when it is
/// complete, as in Django).
/// </remarks>
internal sealed class ContentLengthResponseBody : IHttpResponseBodyFeature
{
    /// <summary>Bodies larger than this are streamed instead of measured (1 MiB).</summary>
    public const int MaxBufferedBytes = 1 << 20;

    private enum Mode { Undecided, PassThrough, Buffering }

    private readonly BodyStream _stream;
    private readonly BodyWriter _writer;
    private IHttpResponseBodyFeature _inner = null!;
    private HttpResponse _response = null!;
    private Mode _mode;
    private byte[]? _buffer;
    private int _length;
    // What the endpoint had written at its last flush (for PipeWriter.UnflushedBytes).
    private int _flushed;

    public ContentLengthResponseBody()
    {
        _stream = new BodyStream(this);
        _writer = new BodyWriter(this);
    }

    /// <summary>Starts serving one response on top of <paramref name="inner"/>.</summary>
    public void Attach(HttpResponse response, IHttpResponseBodyFeature inner)
    {
        _response = response;
        _inner = inner;
        _mode = Mode.Undecided;
        _length = 0;
        _flushed = 0;
    }

    /// <summary>Releases the response and the buffer so the instance can be pooled.</summary>
    public void Detach()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        _response = null!;
        _inner = null!;
        _length = 0;
        _mode = Mode.Undecided;
    }

    /// <summary>Whether the endpoint wrote anything (held or sent).</summary>
    public bool HasContent => _length != 0 || (_mode == Mode.PassThrough && _response.HasStarted);

    /// <summary>Forgets what was held (the response is being replaced before it started).</summary>
    public void Discard()
    {
        if (_mode == Mode.Buffering) _length = 0;
        if (!_response.HasStarted) _mode = Mode.Undecided;
    }

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer;

    /// <summary>
    /// After the endpoint: sets <c>Content-Length</c> to what was written (0 for nothing) unless the
    /// response streamed, then sends what was held.
    /// </summary>
    public Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_mode == Mode.PassThrough) return Task.CompletedTask;
        if (!_response.HasStarted && _response.Headers.ContentLength is null && CanHaveLength(_response.StatusCode))
        {
            _response.Headers.ContentLength = _length;
        }
        var held = _mode == Mode.Buffering ? _buffer.AsMemory(0, _length) : default;
        _mode = Mode.PassThrough;
        if (held.Length == 0) return Task.CompletedTask;
        // Not an async method: the usual write completes at once and allocates no state machine.
        var write = _inner.Writer.WriteAsync(held, cancellationToken);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    public void DisableBuffering()
    {
        // An explicit wish to stream (server-sent events and the like): no length. Usually called
        // before any write; anything held goes to the inner writer, ahead of what follows.
        SwitchToPassThrough(viaStream: false);
        _inner.DisableBuffering();
    }

    public Task StartAsync(CancellationToken cancellationToken = default) =>
        Decide() == Mode.PassThrough ? _inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await SwitchToPassThroughAsync(cancellationToken).ConfigureAwait(false);
        await _inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        await FinishAsync(default).ConfigureAwait(false);
        await _inner.CompleteAsync().ConfigureAwait(false);
    }

    // Django sets Content-Length on every response; HTTP forbids it on 1xx, 204 and 304 (Kestrel refuses).
    private static bool CanHaveLength(int status) => status >= 200 && status != 204 && status != 304;

    // The first write decides: a length the endpoint already declared (or a started response) means
    // there is nothing to measure.
    private Mode Decide()
    {
        if (_mode == Mode.Undecided)
        {
            var headers = _response.Headers;
            _mode = _response.HasStarted || headers.ContentLength is not null || IsEventStream(headers.ContentType) ? Mode.PassThrough : Mode.Buffering;
        }
        return _mode;
    }

    // Synchronous switch (from a synchronous caller): what was held is written, unflushed, through
    // the same channel the caller goes on writing to, so the order is kept.
    private void SwitchToPassThrough(bool viaStream)
    {
        if (_mode == Mode.PassThrough) return;
        var held = _mode == Mode.Buffering ? _buffer.AsSpan(0, _length) : default;
        _mode = Mode.PassThrough;
        if (held.Length == 0) return;
        if (viaStream) _inner.Stream.Write(held);
        else _inner.Writer.Write(held);
    }

    private async Task SwitchToPassThroughAsync(CancellationToken cancellationToken)
    {
        if (_mode == Mode.PassThrough) return;
        var held = _mode == Mode.Buffering ? _buffer.AsMemory(0, _length) : default;
        _mode = Mode.PassThrough;
        if (held.Length > 0) await _inner.Writer.WriteAsync(held, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsEventStream(Microsoft.Extensions.Primitives.StringValues contentType) =>
        contentType.Count == 1 && contentType[0] is { } t && t.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private Memory<byte> Reserve(int sizeHint)
    {
        int need = _length + Math.Max(sizeHint, 1);
        if (_buffer is null || _buffer.Length < need)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, Math.Max(4096, (_buffer?.Length ?? 0) * 2)));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
            }
            _buffer = bigger;
        }
        return _buffer.AsMemory(_length);
    }

    private ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (Decide() == Mode.PassThrough) return _inner.Stream.WriteAsync(data, cancellationToken);
        if (_length + data.Length > MaxBufferedBytes) return OverflowAsync(data, cancellationToken);
        data.Span.CopyTo(Reserve(data.Length).Span);
        _length += data.Length;
        return default;
    }

    private async ValueTask OverflowAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await SwitchToPassThroughAsync(cancellationToken).ConfigureAwait(false);
        await _inner.Stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }

    private sealed class BodyStream : Stream
    {
        private readonly ContentLengthResponseBody _owner;

        public BodyStream(ContentLengthResponseBody owner) => _owner = owner;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            if (_owner._mode == Mode.PassThrough) _owner._inner.Stream.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _owner._mode == Mode.PassThrough ? _owner._inner.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var owner = _owner;
            if (owner.Decide() == Mode.PassThrough || owner._length + buffer.Length > MaxBufferedBytes)
            {
                // Synchronous I/O: Kestrel refuses it unless AllowSynchronousIO, as it would without us.
                owner.SwitchToPassThrough(viaStream: true);
                owner._inner.Stream.Write(buffer);
                return;
            }
            buffer.CopyTo(owner.Reserve(buffer.Length).Span);
            owner._length += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _owner.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _owner.WriteAsync(buffer, cancellationToken);
    }

    private sealed class BodyWriter : PipeWriter
    {
        private readonly ContentLengthResponseBody _owner;

        public BodyWriter(ContentLengthResponseBody owner) => _owner = owner;

        public override void Advance(int bytes)
        {
            var owner = _owner;
            if (owner._mode == Mode.PassThrough)
            {
                owner._inner.Writer.Advance(bytes);
                return;
            }
            owner._length += bytes;
        }

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            var owner = _owner;
            if (owner.Decide() == Mode.Buffering && owner._length + Math.Max(sizeHint, 1) > MaxBufferedBytes)
            {
                owner.SwitchToPassThrough(viaStream: false);
            }
            return owner._mode == Mode.PassThrough ? owner._inner.Writer.GetMemory(sizeHint) : owner.Reserve(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            var owner = _owner;
            if (owner._mode == Mode.PassThrough) return owner._inner.Writer.FlushAsync(cancellationToken);
            owner._flushed = owner._length;
            return new ValueTask<FlushResult>(new FlushResult(false, false));
        }

        public override void CancelPendingFlush()
        {
            if (_owner._mode == Mode.PassThrough) _owner._inner.Writer.CancelPendingFlush();
        }

        // The endpoint completing the writer is not the end of the response; FinishAsync is.
        public override void Complete(Exception? exception = null)
        {
        }

        // System.Text.Json's pipe serializer needs these to decide when to flush.
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _owner._mode == Mode.PassThrough
            ? (_owner._inner.Writer.CanGetUnflushedBytes ? _owner._inner.Writer.UnflushedBytes : 0)
            : _owner._length - _owner._flushed;
    }
}
