module.exports = () => require('./server').stop();
