package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.tollgate.gateway.support.BlockHoundSupport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asked for several times in one turn of a real event loop, the end-of-turn action (a flush here) runs once, after. */
class TurnEndTest {

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final StringBuffer received = new StringBuffer();
    private int flushes;
    private Channel server;
    private Channel client;
    private ChannelHandlerContext ctx;
    private TurnEnd flushAtTurnEnd;

    @BeforeAll
    static void watchForBlocking() {
        BlockHoundSupport.install();
    }

    @BeforeEach
    void connect() throws Exception {
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        var buf = (ByteBuf) msg;
                        received.append(buf.toString(StandardCharsets.UTF_8));
                        buf.release();
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        client = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                            @Override
                            public void flush(ChannelHandlerContext ctx) {
                                flushes++;
                                ctx.flush();
                            }
                        }, new ChannelInboundHandlerAdapter());
                    }
                }).connect(server.localAddress()).sync().channel();
        ctx = client.pipeline().lastContext();
        flushAtTurnEnd = new TurnEnd(ctx.executor(), ctx::flush);
    }

    @AfterEach
    void close() throws Exception {
        client.close().sync();
        server.close().sync();
        loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }

    @Test
    void the_writes_of_one_turn_go_out_in_one_flush_after_it() throws Exception {
        int flushesDuringTheTurn = onLoop(() -> {
            for (String event : List.of("one", "two", "three")) {
                ctx.write(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8));
                flushAtTurnEnd.request();
            }
            return flushes;
        });

        assertThat(flushesDuringTheTurn).isZero();
        assertThat(onLoop(() -> flushes)).isEqualTo(1);
        await().untilAsserted(() -> assertThat(received.toString()).isEqualTo("onetwothree"));
    }

    @Test
    void each_turn_that_writes_flushes_once() throws Exception {
        for (String event : List.of("a", "b")) {
            onLoop(() -> {
                ctx.write(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8));
                flushAtTurnEnd.request();
                flushAtTurnEnd.request();
                return null;
            });
        }

        assertThat(onLoop(() -> flushes)).isEqualTo(2);
        await().untilAsserted(() -> assertThat(received.toString()).isEqualTo("ab"));
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return client.eventLoop().submit(task).get();
    }
}
